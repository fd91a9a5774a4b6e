/**
 * The dossier médical of Mon espace santé: documents, access management, the space's lifecycle, the
 * activity history and the medical profile. Everything starts from {@link
 * io.mes4j.dossier.Dossier#of(io.mes4j.core.MesClient) Dossier.of(mesClient)}.
 *
 * <table>
 *   <caption>Contents</caption>
 *   <tr><th>area</th><th>entry point</th><th>values</th></tr>
 *   <tr><td>documents (DOC-1 to DOC-8)</td><td>{@link io.mes4j.dossier.Documents}</td>
 *       <td>{@link io.mes4j.dossier.DocumentDeposit}, {@link io.mes4j.dossier.DocumentSearch},
 *       {@link io.mes4j.dossier.DocumentEntry}, {@link io.mes4j.dossier.DocumentStatus}, {@link
 *       io.mes4j.dossier.DocumentContent}, {@link io.mes4j.dossier.Author}, {@link
 *       io.mes4j.dossier.AuthorKind}</td></tr>
 *   <tr><td>access management (CON-1 to CON-4, AU-3)</td><td>{@link
 *       io.mes4j.dossier.AccessManagement}</td>
 *       <td>{@link io.mes4j.dossier.Authorisation}, {@link io.mes4j.dossier.EmergencySettings},
 *       {@link io.mes4j.dossier.EmergencySetting}, {@link io.mes4j.dossier.Permission}, {@link
 *       io.mes4j.dossier.NotificationPreference}</td></tr>
 *   <tr><td>the space's lifecycle, a minor's representatives (ES-1 to ES-6)</td><td>{@link
 *       io.mes4j.dossier.SpaceLifecycle}</td>
 *       <td>{@link io.mes4j.dossier.SpaceStatus}, {@link io.mes4j.dossier.Invitation}, {@link
 *       io.mes4j.dossier.InvitationStatus}, {@link io.mes4j.dossier.AttachmentStatus}</td></tr>
 *   <tr><td>the activity history (AU-1, AU-2)</td><td>{@link
 *       io.mes4j.dossier.ActivityHistory}</td>
 *       <td>{@link io.mes4j.dossier.HistoryQuery}, {@link io.mes4j.dossier.Trace}, {@link
 *       io.mes4j.dossier.ActorType}</td></tr>
 *   <tr><td>the medical profile (PRO-1)</td><td>{@link io.mes4j.dossier.MedicalProfile}</td>
 *       <td>{@link io.mes4j.dossier.ProfileEntry} of {@link io.mes4j.dossier.HistoryEntry}
 *       ({@link io.mes4j.dossier.HistoryKind}), {@link io.mes4j.dossier.Allergy}, {@link
 *       io.mes4j.dossier.Treatment}, {@link io.mes4j.dossier.Vaccination}, {@link
 *       io.mes4j.dossier.Measurement} ({@link io.mes4j.dossier.MeasurementKind}), {@link
 *       io.mes4j.dossier.FamilyHistoryEntry} ({@link io.mes4j.dossier.FamilyRelation}), {@link
 *       io.mes4j.dossier.OrganDonationWish}; codes as {@link io.mes4j.dossier.ClinicalCode}
 *       </td></tr>
 * </table>
 *
 * <p>Refusals are the typed exceptions of {@link io.mes4j.core.error}, one per cause.
 */
@NullMarked
package io.mes4j.dossier;

import org.jspecify.annotations.NullMarked;
