package org.gongkai.journeys;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * A journey class on the embedded H2 default, in the one H2 application shared by all such classes of the test run
 * (started once, then taken from Spring's test context cache). The class adds no configuration of its own (no
 * properties, imports or {@code @DynamicPropertySource}): anything it adds would start another application. Its
 * journeys must therefore not assume a fresh database — see {@link JourneySupport}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ContextConfiguration(initializers = JourneyDataDir.H2.class)
@interface OnH2 {
}
