package org.rnicsim.ndk.verifier;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.SimTime;

/**
 * The end-of-run view: what is still outstanding when the run is over. A create, request or close
 * that returned PENDING and never completed (invariants 1, 12, 5; 9 if the object's close should
 * have cancelled it), a notification owed and never given (14, 16, 17, 32), a SUCCESS post whose
 * entry never came (19-22, 9, 26), a DEFER chain left open (22, consumer). Objects of a closed
 * adapter are skipped: closing the adapter settles them (invariant 11).
 */
final class AuditRules {

  private final VerifierCore core;

  AuditRules(VerifierCore core) {
    this.core = core;
  }

  void audit() {
    for (AdapterShadow a : List.copyOf(core.adapters)) {
      if (a.state != ObjectState.READY) {
        continue;
      }
      List<Shadow> objects = new ArrayList<>();
      objects.add(a);
      objects.addAll(a.descendants);
      for (Shadow s : objects) {
        auditCreate(s);
        auditRequests(s);
        auditClose(s);
        if (s instanceof CqShadow cq) {
          core.cqs.audit(cq);
        } else if (s instanceof SrqShadow srq) {
          core.srqs.audit(srq);
        } else if (s instanceof QpShadow qp && qp.state != ObjectState.FAILED) {
          core.completions.audit(qp);
        }
      }
    }
  }

  private void auditCreate(Shadow s) {
    if (s.state == ObjectState.PENDING_CREATE && s.createCallback != null && !s.auditReported) {
      s.auditReported = true;
      core.violate(
          Invariant.I01,
          Side.PROVIDER,
          s,
          "the create of " + s + " returned PENDING and its completion never ran");
    }
  }

  private void auditRequests(Shadow s) {
    if (s.state == ObjectState.CLOSED) {
      return; // the close finishing with it outstanding was reported then (invariant 7 or 8)
    }
    for (PendingRequest r : s.requests) {
      if (r.auditReported || !r.tracked || !NtStatusText.isPending(r.returned)) {
        continue;
      }
      r.auditReported = true;
      if (s.state.isCloseIssued()) {
        core.violate(
            Invariant.I09,
            Side.PROVIDER,
            s,
            r.op
                + " on "
                + s
                + " (PENDING since "
                + SimTime.format(r.issuedPs)
                + ") never completed although the close issued at "
                + SimTime.format(s.closeIssuedPs)
                + " must cancel it");
      } else {
        core.violate(
            Invariant.I12,
            Side.PROVIDER,
            s,
            r.op
                + " on "
                + s
                + " returned PENDING at "
                + SimTime.format(r.issuedPs)
                + " and its completion never ran");
      }
    }
  }

  private void auditClose(Shadow s) {
    if (s.state != ObjectState.CLOSE_PENDING || s.closeWithoutCallback || s.auditReported) {
      return;
    }
    if (s.outstandingRequest() != null) {
      return; // reported as invariant 9 above
    }
    for (Shadow successor : s.successors) {
      if (successor.state.isOpen()) {
        return; // the consumer left a successor open, so the close may pend for ever
      }
    }
    s.auditReported = true;
    core.violate(
        Invariant.I05,
        Side.PROVIDER,
        s,
        "the close of "
            + s
            + " returned PENDING at "
            + SimTime.format(s.closeIssuedPs)
            + " and its completion never ran, though nothing was left outstanding on it");
  }
}
