/** WeChat's callback URL ({@code /webhooks/wechat}) and the security chain that lets WeChat reach it. */
package org.socialbank.channels.wechat.web;
