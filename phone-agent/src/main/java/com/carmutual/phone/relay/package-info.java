/**
 * Twilio ConversationRelay: one WebSocket a call carrying the caller's transcribed turns in and the
 * agent's text back, played by the same scripts and dialogue as the Gather webhooks.
 */
package com.carmutual.phone.relay;
