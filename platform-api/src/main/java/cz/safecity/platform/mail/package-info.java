/**
 * Outgoing e-mail of every module through a transactional outbox: {@link cz.safecity.platform.mail.Outbox} adds a
 * row to {@code platform_mail_outbox} in the caller's transaction (so a mail exists exactly when the caller's work
 * committed, and a broken SMTP server never blocks or loses that work); {@link cz.safecity.platform.mail.MailSender}
 * delivers pending rows with Jakarta Mail and retries failures with exponential backoff;
 * {@link cz.safecity.platform.mail.MailJob} runs the sender every few seconds, once across instances
 * ({@code ClusterJobs}). SMTP settings: MicroProfile Config {@code safecity.mail.host}, {@code .port}, {@code .from}.
 */
package cz.safecity.platform.mail;
