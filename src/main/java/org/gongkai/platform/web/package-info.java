/** Web plumbing: security chains, error handling, static site serving. Internal to the platform. */
package org.gongkai.platform.web;
