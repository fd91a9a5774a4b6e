/**
 * The codes mes4j speaks: national terminologies and the project's own code systems, as types.
 *
 * <table>
 *   <caption>Contents</caption>
 *   <tr><th>type</th><th>what</th><th>system</th></tr>
 *   <tr><td>{@link io.mes4j.core.code.DocumentType}</td><td>type of a health document (DOC-2)</td>
 *       <td>LOINC</td></tr>
 *   <tr><td>{@link io.mes4j.core.code.DocumentGroup}</td><td>group of a document type</td>
 *       <td>mes4j document-group</td></tr>
 *   <tr><td>{@link io.mes4j.core.code.ConfidentialityLabel}</td><td>confidentiality of a
 *       document (DOC-6)</td><td>HL7 v3-Confidentiality, TRE_A07</td></tr>
 *   <tr><td>{@link io.mes4j.core.code.Profession}</td><td>profession of a professional
 *       (ID-2)</td><td>TRE_G15</td></tr>
 *   <tr><td>{@link io.mes4j.core.code.SpaceState}</td><td>lifecycle state of a space (ES-1)</td>
 *       <td>—</td></tr>
 * </table>
 *
 * <p>The tables ({@code document-types.csv}, {@code professions.csv}, {@code confidentiality.csv})
 * are resources of this package, copied from the project's {@code spec/codes}; each is read once,
 * in UTF-8, on first use. A code absent from its table is refused with an {@link
 * io.mes4j.core.error.InvalidValueException}.
 */
@NullMarked
package io.mes4j.core.code;

import org.jspecify.annotations.NullMarked;
