/**
 * The console shell: login page, navigation by role (from the modules' menu contributions) and the
 * dashboard frame that the modules' dashboard cards fill.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console", allowedDependencies = "platform")
package org.gongkai.console;
