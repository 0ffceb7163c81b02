package dev.tokenkeeper.server.support.web;

/**
 * Marks a Thymeleaf controller of the web UI (which is also a {@code @Controller}): its pages get
 * the layout's model ({@link PageModelAdvice}), and its errors become HTML pages
 * ({@link PageErrorAdvice}) instead of the REST API's JSON envelope.
 * <p>
 * An interface, not an annotation: Spring MVC asks every advice with a selector whether it applies
 * to the controller of each request, REST calls included. For an interface that is one
 * {@code isAssignableFrom}; for an annotation it was a search of the controller's annotations,
 * 4.8% of the CPU samples of a token-authenticated request (bench/RESULTS.md, eighth pass).
 */
public interface PageController {

}
