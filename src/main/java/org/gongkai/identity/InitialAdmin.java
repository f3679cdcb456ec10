package org.gongkai.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start with an empty database, creates {@code admin}, the system administrator, with the
 * password in {@code GONGKAI_ADMIN_PASSWORD} or, when that is unset, a generated one printed once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InitialAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

	private final AccountManagement accounts;

	private final String configuredPassword;

	InitialAdmin(AccountManagement accounts, @Value("${gongkai.admin.password:}") String configuredPassword) {
		this.accounts = accounts;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.hasAccounts()) {
			return;
		}
		boolean generated = configuredPassword == null || configuredPassword.isBlank();
		String password = generated ? PasswordPolicy.generate() : configuredPassword;
		if (!generated) {
			PasswordPolicy.problemWith(password, "admin", 10).ifPresent(problem -> {
				throw new IllegalStateException("GONGKAI_ADMIN_PASSWORD is too weak (" + problem + "); choose another and start again");
			});
		}
		accounts.createInitialAdmin(password);
		if (generated) {
			log.warn("\n\n  首次启动：已创建系统管理员账号 admin，初始密码：{}\n  (first start: created admin with the password above;"
					+ " it is shown only once — change it under 修改密码)\n", password);
		}
		else {
			log.info("First start: created the system administrator 'admin' with the password from GONGKAI_ADMIN_PASSWORD");
		}
	}
}
