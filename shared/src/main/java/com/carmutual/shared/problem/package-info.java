/** RFC 9457 problem documents: the one error shape of every service. */
package com.carmutual.shared.problem;
