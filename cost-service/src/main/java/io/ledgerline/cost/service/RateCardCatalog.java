package io.ledgerline.cost.service;

import io.ledgerline.cost.ratecard.BundledPriceFiles;
import io.ledgerline.cost.ratecard.PriceFileImport;
import io.ledgerline.cost.ratecard.RateCard;
import io.ledgerline.cost.repository.RateCardRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The default rate card: the shipped LiteLLM snapshots imported oldest first (each import a merge), recorded in the
 * database as versions with their quarantined rows, and held in memory for pricing.
 */
@Singleton
public class RateCardCatalog {
    private static final Logger LOG = Logger.getLogger(RateCardCatalog.class);

    private final BundledPriceFiles.Loaded loaded = BundledPriceFiles.load();
    private final CallPricer pricer = new CallPricer(loaded.versions());

    void onStart(@Observes StartupEvent event, RateCardRepository repository) {
        for (int i = 0; i < loaded.versions().size(); i++) {
            RateCard card = loaded.versions().get(i);
            PriceFileImport imported = loaded.imports().get(i);
            repository.record(card, imported).await().indefinitely();
            LOG.infof("rate card %s: %d prices (%d carried forward), %d rows quarantined", card.version(),
                    card.entries().size(), card.entries().stream().filter(p -> p.carriedForward()).count(),
                    imported.quarantined().size());
        }
    }

    public CallPricer pricer() {
        return pricer;
    }

    public List<RateCard> versions() {
        return loaded.versions();
    }

    public List<PriceFileImport> imports() {
        return loaded.imports();
    }
}
