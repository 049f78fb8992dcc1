package dev.leadflow.routing.crm;

import dev.leadflow.events.Topics;
import dev.leadflow.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Publishes what a CRM reports onto {@code crm.activities} through the outbox: durable once this returns. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CrmActivities {

    private final Outbox outbox;

    CrmActivities(Outbox outbox) {
        this.outbox = outbox;
    }

    public void record(CrmActivityParser.Parsed activity) {
        outbox.add(Topics.CRM_ACTIVITIES, activity.type(), activity.event().key(), activity.event());
    }
}
