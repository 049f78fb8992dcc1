package dev.leadflow.scoring.rescore;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Re-scoring leads without a new event, page by page in lead id order: every lead with a new model version (trigger
 * {@code model}), or the leads whose score has points that change with time alone (trigger {@code decay}). {@code total}
 * is the number of leads when the job started (leads that arrive later are scored with the new model anyway, and are
 * counted in {@code done} if the job reaches them). A newer model's job supersedes any running job: it re-scores every
 * lead again.
 */
@Entity
@Table(name = "rescore_job")
public class RescoreJob {

    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String SUPERSEDED = "superseded";
    public static final String MODEL = "model";
    public static final String DECAY = "decay";

    @Id
    private UUID id;
    private String trigger;
    /** The moment leads are scored at; null: the moment each page runs. */
    private Instant asOf;
    private int modelVersion;
    private String status;
    private int total;
    private int done;
    private int changed;
    private int qualified;
    /** The cursor: the last lead of the last finished page; null before the first page. */
    private UUID lastLeadId;
    private Instant startedAt;
    private Instant updatedAt;
    private Instant finishedAt;

    protected RescoreJob() {
    }

    RescoreJob(UUID id, String trigger, Instant asOf, int modelVersion, int total, Instant startedAt) {
        this.id = id;
        this.trigger = trigger;
        this.asOf = asOf;
        this.modelVersion = modelVersion;
        this.status = RUNNING;
        this.total = total;
        this.startedAt = startedAt;
        this.updatedAt = startedAt;
    }

    /** Records a finished page: its last lead, how many leads it re-scored, changed and qualified. */
    void advance(UUID lastLeadId, int leads, int changed, int qualified, Instant at) {
        this.lastLeadId = lastLeadId;
        this.done += leads;
        this.changed += changed;
        this.qualified += qualified;
        this.updatedAt = at;
    }

    void finish(Instant at) {
        status = FINISHED;
        updatedAt = at;
        finishedAt = at;
    }

    public UUID id() {
        return id;
    }

    /** {@link #MODEL} or {@link #DECAY}. */
    public String trigger() {
        return trigger;
    }

    Instant asOf() {
        return asOf;
    }

    public int modelVersion() {
        return modelVersion;
    }

    /** {@link #RUNNING}, {@link #FINISHED} or {@link #SUPERSEDED}. */
    public String status() {
        return status;
    }

    public int total() {
        return total;
    }

    /** Leads re-scored so far. */
    public int done() {
        return done;
    }

    /** Leads whose points changed (a new {@code lead.scored}). */
    public int changed() {
        return changed;
    }

    /** Leads that qualified because of the new model (a new {@code lead.qualified}). */
    public int qualified() {
        return qualified;
    }

    UUID lastLeadId() {
        return lastLeadId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    /** Share of {@code total} done, 0 to 100 (100 once finished, even with no leads). */
    public int percentDone() {
        if (FINISHED.equals(status) || total == 0) {
            return FINISHED.equals(status) ? 100 : 0;
        }
        return (int) Math.min(100, 100L * done / total);
    }
}
