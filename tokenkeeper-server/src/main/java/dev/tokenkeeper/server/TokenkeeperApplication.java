package dev.tokenkeeper.server;

import java.util.Arrays;

import dev.tokenkeeper.server.database.H2Import;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TokenkeeperApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals(H2Import.COMMAND)) {
			System.exit(H2Import.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		SpringApplication.run(TokenkeeperApplication.class, args);
	}

}
