package org.gongkai.journeys;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A journey class on a real PostgreSQL, in the one PostgreSQL application shared by all such classes of the test run
 * (one embedded server, started once, then taken from Spring's test context cache). As with {@link OnH2}, the class
 * adds no configuration of its own and its journeys must not assume a fresh database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(RealPostgres.class)
@ContextConfiguration(initializers = JourneyDataDir.Postgres.class)
@interface OnPostgres {
}
