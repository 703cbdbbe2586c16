package org.rnicsim.ndk.verifier;

import org.rnicsim.ndk.api.NdkAdapter;
import org.rnicsim.ndk.api.NdkOpenAdapterResult;
import org.rnicsim.ndk.api.NdkProvider;
import org.rnicsim.ndk.api.struct.NdisOpenNdkAdapterParameters;
import org.rnicsim.ndk.api.struct.NdkCapabilities;

/** The consumer's view of a provider: adapters it opens come back wrapped. */
final class VerifyingProvider implements NdkProvider {

  private final VerifierCore core;
  private final NdkProvider provider;

  VerifyingProvider(VerifierCore core, NdkProvider provider) {
    this.core = core;
    this.provider = provider;
  }

  @Override
  public NdkOpenAdapterResult openAdapter(NdisOpenNdkAdapterParameters parameters) {
    return core.adapterRules.open(provider, parameters);
  }

  @Override
  public void closeAdapter(NdkAdapter adapter) {
    core.closes.closeAdapter(adapter, () -> provider.closeAdapter(core.unwrap(adapter)));
  }

  @Override
  public NdkCapabilities ndkCapabilities() {
    return provider.ndkCapabilities();
  }
}
