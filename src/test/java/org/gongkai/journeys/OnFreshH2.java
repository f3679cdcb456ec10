package org.gongkai.journeys;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A journey class on the embedded H2 default in an application of its own, with a fresh data directory, closed
 * after the class. For the few journey classes that change what the others rely on (load next year's calendar,
 * publish a catalogue another class expects unpublished): each costs a start of the application, so say in the
 * subclass's Javadoc why it cannot share {@link OnH2}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ContextConfiguration(initializers = JourneyDataDir.Fresh.class)
@DirtiesContext
@interface OnFreshH2 {
}
