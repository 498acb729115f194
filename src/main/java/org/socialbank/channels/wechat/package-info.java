/**
 * The WeChat Official Account channel: message signatures and encryption, the XML of WeChat's
 * callbacks mapped to the conversation engine, the cluster-wide access_token, and delivery of the
 * bank's replies through customer-service and template messages. See {@code docs/channels-wechat.md}.
 */
package org.socialbank.channels.wechat;
