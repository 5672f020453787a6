/**
 * The desktop application (JavaFX + AtlantaFX). The only package allowed to use JavaFX.
 */
package dev.labdesk.app;
