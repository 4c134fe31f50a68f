/** E-mail of outbound events through SMTP (Jakarta Mail), zh-CN/English templates, per-user preferences. */
package org.gatehouse.notify.mail;
