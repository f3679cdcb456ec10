package org.gongkai.calendar;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, loads each year of the shipped data file that the database does not have yet. A year
 * an administrator loaded or corrected is never overwritten.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ShippedCalendarLoader implements ApplicationRunner {

	private final CalendarYears years;

	private final CalendarManagement management;

	private final TransactionTemplate transactions;

	ShippedCalendarLoader(CalendarYears years, CalendarManagement management, TransactionTemplate transactions) {
		this.years = years;
		this.management = management;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		transactions.executeWithoutResult(status -> {
			var loaded = years.findAll().keySet();
			for (CalendarYear year : OfficialHolidays.load()) {
				if (!loaded.contains(year.year())) {
					management.loadShipped(year);
				}
			}
		});
	}
}
