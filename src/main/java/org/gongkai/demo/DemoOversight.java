package org.gongkai.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The oversight part of the demo county, after its year of activity: the county's work plan from seed 003 with claims,
 * an overdue task and a closed one (DemoWorkPlan), the 农业农村局's training plan of seed 000 with a session and a test
 * (DemoTraining), and the two county assessment schemes installed for the year (DemoAssessment). Each part is
 * idempotent and independent: one that fails is logged and leaves the others and the county usable.
 */
@Component
class DemoOversight {

	private static final Logger log = LoggerFactory.getLogger(DemoOversight.class);

	private final DemoWorkPlan workPlan;

	private final DemoTraining training;

	private final DemoAssessment assessment;

	DemoOversight(DemoWorkPlan workPlan, DemoTraining training, DemoAssessment assessment) {
		this.workPlan = workPlan;
		this.training = training;
		this.assessment = assessment;
	}

	void seed() {
		run("work plan", workPlan::seed);
		run("training", training::seed);
		run("assessment schemes", assessment::seed);
	}

	private static void run(String part, Runnable seed) {
		try {
			seed.run();
		}
		catch (RuntimeException e) {
			log.warn("The demo's oversight {} could not be seeded: {}", part, e.toString());
		}
	}
}
