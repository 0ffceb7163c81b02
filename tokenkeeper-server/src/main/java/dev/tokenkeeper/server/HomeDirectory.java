package dev.tokenkeeper.server;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code tokenkeeper.home} an absolute path before anything reads it. The embedded
 * database refuses a path that is only implicitly relative ({@code data} rather than
 * {@code ./data}), so a server started with {@code --tokenkeeper.home=data} used to fail.
 */
class HomeDirectory implements EnvironmentPostProcessor {

	static final String PROPERTY = "tokenkeeper.home";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String home = environment.getProperty(PROPERTY);
		if (home != null && !home.isBlank()) {
			String absolute = Path.of(home).toAbsolutePath().normalize().toString();
			environment.getPropertySources().addFirst(new MapPropertySource("tokenkeeperHome", Map.of(PROPERTY, absolute)));
		}
	}

}
