/**
 * Identities of the people and organisations Mon espace santé knows (rules ID-1 to ID-4).
 *
 * <table>
 *   <caption>Contents</caption>
 *   <tr><th>type</th><th>identifies</th><th>rule</th></tr>
 *   <tr><td>{@link io.mes4j.core.identity.Ins}</td><td>a patient, by the matricule INS</td>
 *       <td>ID-1</td></tr>
 *   <tr><td>{@link io.mes4j.core.identity.InsSystem}</td><td>the FHIR system of an INS (NIR, NIA,
 *       test NIR, demo NIR)</td><td>ID-1</td></tr>
 *   <tr><td>{@link io.mes4j.core.identity.ProfessionalId}</td><td>a health professional, by
 *       {@code idNat_PS} ({@code 8} + RPPS)</td><td>ID-2</td></tr>
 *   <tr><td>{@link io.mes4j.core.identity.Finess}</td><td>an organisation, by FINESS number</td>
 *       <td>ID-3</td></tr>
 *   <tr><td>{@link io.mes4j.core.identity.ServiceId}</td><td>a catalogue service, by its OID</td>
 *       <td>ID-4</td></tr>
 * </table>
 *
 * <p>Every factory validates its input and refuses a malformed value with an {@link
 * io.mes4j.core.error.InvalidValueException} before anything is sent. An INS identifies a person:
 * neither {@link io.mes4j.core.identity.Ins#toString()} nor any refusal message ever shows it.
 */
@NullMarked
package io.mes4j.core.identity;

import org.jspecify.annotations.NullMarked;
