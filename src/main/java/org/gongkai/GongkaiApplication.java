package org.gongkai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the Gongkai platform. Each direct sub-package is a Spring Modulith module. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GongkaiApplication {

	public static void main(String[] args) {
		SpringApplication.run(GongkaiApplication.class, args);
	}
}
