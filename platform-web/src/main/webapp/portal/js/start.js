/* Safe City portal: starts the page once every script has registered its routes (loaded last, deferred). */
window.SC.start();
