/** How much work a service takes on at once, and how it answers beyond that. */
package com.carmutual.shared.capacity;
