package se.trygghetskartan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of Trygghetskartan. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrygghetskartanApplication {

	public static void main(String[] args) {
		SpringApplication.run(TrygghetskartanApplication.class, args);
	}

}
