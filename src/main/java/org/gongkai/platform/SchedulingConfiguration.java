package org.gongkai.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Daily sweeps (on-request catalogue, overdue marks) run on Spring's scheduler, in Asia/Shanghai time. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
