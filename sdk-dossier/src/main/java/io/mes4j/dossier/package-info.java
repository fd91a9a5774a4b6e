/**
 * The dossier médical of Mon espace santé.
 *
 * <ul>
 *   <li>{@link io.mes4j.dossier.Dossier}: the entry point, from a shared {@code MesClient}
 *   <li>{@link io.mes4j.dossier.Documents}: deposit ({@link io.mes4j.dossier.DocumentDeposit}),
 *       search ({@link io.mes4j.dossier.DocumentSearch}), retrieve ({@link
 *       io.mes4j.dossier.DocumentContent})
 *   <li>{@link io.mes4j.dossier.ActivityHistory}: the traces ({@link io.mes4j.dossier.Trace})
 * </ul>
 */
@NullMarked
package io.mes4j.dossier;

import org.jspecify.annotations.NullMarked;
