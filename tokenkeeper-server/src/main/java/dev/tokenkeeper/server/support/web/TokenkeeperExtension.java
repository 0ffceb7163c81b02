package dev.tokenkeeper.server.support.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * Marks a controller that serves a Tokenkeeper extension beside Bitbucket's API. It does not
 * exist (its paths answer 404) when {@code tokenkeeper.bitbucket-strict=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnBooleanProperty(name = "tokenkeeper.bitbucket-strict", havingValue = false, matchIfMissing = true)
public @interface TokenkeeperExtension {

}
