package org.gongkai.journeys;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A journey class on a real PostgreSQL in an application of its own (its own embedded server and a fresh data
 * directory), closed after the class; see {@link OnFreshH2} for when.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(RealPostgres.class)
@ContextConfiguration(initializers = JourneyDataDir.Fresh.class)
@DirtiesContext
@interface OnFreshPostgres {
}
