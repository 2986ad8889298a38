/**
 * Reading JSON request bodies the same way in every module: {@link cz.safecity.platform.json.Inputs} validates
 * members and answers a 400 problem naming the member; text is kept exactly as sent.
 */
package cz.safecity.platform.json;
