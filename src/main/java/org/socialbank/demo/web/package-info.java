/** The demo bank's API ({@code /api/v1/demo/customers}), registered only in demo mode. */
package org.socialbank.demo.web;
