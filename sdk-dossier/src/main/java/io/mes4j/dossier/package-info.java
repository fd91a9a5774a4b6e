/**
 * The dossier médical of Mon espace santé.
 *
 * <ul>
 *   <li>{@link io.mes4j.dossier.Dossier}: the entry point, from a shared {@code MesClient}
 *   <li>{@link io.mes4j.dossier.Documents}: deposit ({@link io.mes4j.dossier.DocumentDeposit}),
 *       search ({@link io.mes4j.dossier.DocumentSearch}), retrieve ({@link
 *       io.mes4j.dossier.DocumentContent})
 *   <li>{@link io.mes4j.dossier.AccessManagement}: consents and access ({@link
 *       io.mes4j.dossier.Authorisation}, {@link io.mes4j.dossier.EmergencySettings})
 *   <li>{@link io.mes4j.dossier.SpaceLifecycle}: the space's status ({@link
 *       io.mes4j.dossier.SpaceStatus}) and states, a minor's representatives ({@link
 *       io.mes4j.dossier.Invitation})
 *   <li>{@link io.mes4j.dossier.ActivityHistory}: the traces ({@link io.mes4j.dossier.Trace})
 *   <li>{@link io.mes4j.dossier.MedicalProfile}: the medical profile ({@link
 *       io.mes4j.dossier.HistoryEntry}, {@link io.mes4j.dossier.Allergy}, {@link
 *       io.mes4j.dossier.Treatment}, {@link io.mes4j.dossier.Vaccination}, {@link
 *       io.mes4j.dossier.Measurement}, {@link io.mes4j.dossier.FamilyHistoryEntry}, {@link
 *       io.mes4j.dossier.OrganDonationWish}), each item read as a {@link
 *       io.mes4j.dossier.ProfileEntry}
 * </ul>
 */
@NullMarked
package io.mes4j.dossier;

import org.jspecify.annotations.NullMarked;
