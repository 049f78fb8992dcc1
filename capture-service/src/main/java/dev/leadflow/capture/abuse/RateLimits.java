package dev.leadflow.capture.abuse;

import dev.leadflow.capture.CaptureConfig;
import dev.leadflow.capture.abuse.RateLimitStore.Refusal;
import dev.leadflow.capture.rest.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The intake's rate limits: leads per client address and per form, touchpoints per client address (a separate
 * budget: a site sends far more page views than leads). A request over a limit ends in a 429 problem with
 * {@code Retry-After}, before anything is stored or published, and is counted in
 * {@code leadflow_intake_rejected_total{reason}}.
 */
@ApplicationScoped
public class RateLimits {

    private final RateLimitStore store;
    private final ClientAddresses clients;
    private final IntakeRejections rejections;
    private final CaptureConfig.RateLimit config;

    RateLimits(RateLimitStore store, ClientAddresses clients, IntakeRejections rejections, CaptureConfig config) {
        this.store = store;
        this.clients = clients;
        this.rejections = rejections;
        this.config = config.rateLimit();
    }

    /**
     * Spends one lead of the client's budget and of the form's.
     *
     * @param formId the submitted formId as decoded (any type; only a well-formed one has a budget)
     * @throws dev.leadflow.capture.rest.ProblemException 429 when a budget is used up
     */
    public void admitLead(Object formId) {
        if (!config.enabled()) {
            return;
        }
        List<Budget> budgets = new ArrayList<>(2);
        budgets.add(Budget.leadsOfClient(clients.currentBudgetKey(), config.leadsPerClient()));
        Budget.leadsOfForm(formId, config.leadsPerForm()).ifPresent(budgets::add);
        store.spend(budgets, 1).ifPresent(this::refuse);
    }

    /**
     * Spends {@code count} touchpoints of the client's budget; a batch is admitted while the budget is not used up.
     *
     * @throws dev.leadflow.capture.rest.ProblemException 429 when the budget is used up
     */
    public void admitTouchpoints(int count) {
        if (!config.enabled()) {
            return;
        }
        store.spend(List.of(Budget.touchpointsOfClient(clients.currentBudgetKey(), config.touchpointsPerClient())),
                Math.max(count, 1)).ifPresent(this::refuse);
    }

    private void refuse(Refusal refusal) {
        rejections.count(refusal.budget().reason());
        long seconds = Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
        String whose = refusal.budget().reason() == IntakeRejections.Reason.FORM_RATE_LIMIT
                ? "This form" : "This client";
        throw Problems.rateLimited(whose + " used up its budget of " + refusal.budget().limit() + " per "
                + config.window().toSeconds() + " s; retry after " + seconds + " s", seconds);
    }
}
