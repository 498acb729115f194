/**
 * The bank's everyday services beyond payments: for now its branches and ATMs, found by place or
 * by distance from a shared location.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Services")
package org.socialbank.services;
