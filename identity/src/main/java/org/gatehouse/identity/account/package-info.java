/** Accounts, login names, password policy and hashing, the initial administrator. */
package org.gatehouse.identity.account;
