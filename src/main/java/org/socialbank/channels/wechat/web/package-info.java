/**
 * WeChat's callback URL ({@code /webhooks/wechat}) and the security chain that lets WeChat reach
 * it, and the return from WeChat's web authorisation ({@code /wechat/oauth}) that opens the bank's pages.
 */
package org.socialbank.channels.wechat.web;
