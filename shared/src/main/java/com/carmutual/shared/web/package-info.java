/** Who may call a service and how each call is audited. */
package com.carmutual.shared.web;
