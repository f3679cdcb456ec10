/**
 * Official working days (public holidays and 调休 make-up working days, loaded per year from the
 * State Council notices) and the deadline arithmetic every statutory time limit goes through.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar", allowedDependencies = "platform")
package org.gongkai.calendar;
