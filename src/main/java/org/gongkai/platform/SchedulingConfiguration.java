package org.gongkai.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Daily sweeps (such as compiling the on-request catalogue) run on Spring's scheduler, in Asia/Shanghai time. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
