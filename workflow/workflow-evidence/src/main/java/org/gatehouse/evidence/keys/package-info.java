/**
 * Keys: the platform sealing key (AES-256-GCM envelopes with key ids, for rotation), per-user and
 * platform signing identities and their storable, sealed {@link org.gatehouse.evidence.keys.KeyMaterial}
 * (TC260 7.4.2: only the enrolled person's key signs their decisions).
 */
package org.gatehouse.evidence.keys;
