/**
 * socialbank: banking inside the chat networks customers already use. Each direct sub-package is
 * a Spring Modulith module; see README.md for what each owns.
 */
package org.socialbank;
