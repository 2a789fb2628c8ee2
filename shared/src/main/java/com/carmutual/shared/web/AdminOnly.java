package com.carmutual.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A configuration change (routes, prompt versions, catalogs, corrections served to everyone,
 * campaigns): only clients listed in {@code SUITE_ADMIN_CLIENTS} may call the endpoint; everyone
 * else, and everyone when none is listed, gets 403 before the controller runs ({@link AdminFilter}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AdminOnly {}
