package dev.tokenkeeper.server.support.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controller advice as Spring MVC applies it: the web UI's advice to every page controller and
 * to nothing of the REST API, the REST API's to everything, and every selector one that Spring MVC
 * can evaluate per request without searching the controller's annotations.
 */
class ControllerAdviceIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private ApplicationContext context;

	@Test
	void pageAdviceWhenAskedForEachControllerThenAppliesToThePagesOnly() {
		Set<Class<?>> controllers = this.context
			.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
			.getHandlerMethods()
			.values()
			.stream()
			.map(HandlerMethod::getBeanType)
			.filter(type -> type.getPackageName().startsWith("dev.tokenkeeper."))
			.collect(Collectors.toSet());
		Set<Class<?>> pages = controllers.stream()
			.filter(type -> !AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class))
			.collect(Collectors.toSet());
		assertThat(pages).contains(PageNotFoundController.class).hasSizeLessThan(controllers.size());

		for (Class<?> page : List.of(PageModelAdvice.class, PageErrorAdvice.class)) {
			ControllerAdviceBean advice = advice(page);
			assertThat(controllers).as(page.getName())
				.allSatisfy(type -> assertThat(advice.isApplicableToBeanType(type)).as(type.getName())
					.isEqualTo(pages.contains(type)));
		}
		ControllerAdviceBean restErrors = advice(RestErrorAdvice.class);
		assertThat(controllers).allSatisfy(type -> assertThat(restErrors.isApplicableToBeanType(type)).isTrue());
	}

	@Test
	void adviceWhenSelectingControllersThenNotByAnnotation() {
		List<ControllerAdviceBean> advice = ControllerAdviceBean.findAnnotatedBeans(this.context);

		assertThat(advice).hasSizeGreaterThanOrEqualTo(4);
		assertThat(advice).allSatisfy(bean -> assertThat(
				AnnotatedElementUtils.findMergedAnnotation(bean.getBeanType(), ControllerAdvice.class).annotations())
			.as(bean.getBeanType().getName())
			.isEmpty());
	}

	private ControllerAdviceBean advice(Class<?> type) {
		return ControllerAdviceBean.findAnnotatedBeans(this.context)
			.stream()
			.filter(bean -> bean.getBeanType() == type)
			.findFirst()
			.orElseThrow();
	}

}
