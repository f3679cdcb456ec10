/**
 * The agency tree (level, type, unified social credit code), the disclosure work body and its
 * contacts, the leaders in charge and their division of work, designated disclosure staff, and
 * the agency-scoped access rule every module applies ({@link org.gongkai.organisation.AgencyAccess}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation", allowedDependencies = "platform")
package org.gongkai.organisation;
