/** Page rendering and the static site writer (internal; used through the root-package API). */
package org.gongkai.platform.render;
