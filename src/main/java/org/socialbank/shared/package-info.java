/**
 * The shared kernel: currencies and their minor units, the commit-durability barrier, and the
 * HTTP plumbing every module's API shares (problem+json, request size limits, strict JSON).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.socialbank.shared;
