package org.rnicsim.ndk.provider.adapter;

import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkFnConnectEventCallback;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkSharedEndpoint;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/**
 * The adapter's connection-manager creates (ndkpi-spec 1, 2, 4): connectors, listeners and shared
 * endpoints, which live in the connection package. {@link #NONE} refuses them all with
 * STATUS_NOT_SUPPORTED, for a provider built without connection management.
 */
public interface AdapterConnections {

  /** Connection management absent: every create fails inline with NOT_SUPPORTED. */
  AdapterConnections NONE =
      new AdapterConnections() {
        @Override
        public NdkCreateResult<NdkSharedEndpoint> createSharedEndpoint(
            SimAdapter adapter,
            NdkSockAddr address,
            NdkFnCreateCompletion createCompletion,
            Object requestContext) {
          return NdkCreateResult.failed(NtStatus.NOT_SUPPORTED);
        }

        @Override
        public NdkCreateResult<NdkConnector> createConnector(
            SimAdapter adapter, NdkFnCreateCompletion createCompletion, Object requestContext) {
          return NdkCreateResult.failed(NtStatus.NOT_SUPPORTED);
        }

        @Override
        public NdkCreateResult<NdkListener> createListener(
            SimAdapter adapter,
            NdkFnConnectEventCallback connectEvent,
            Object connectEventContext,
            NdkFnCreateCompletion createCompletion,
            Object requestContext) {
          return NdkCreateResult.failed(NtStatus.NOT_SUPPORTED);
        }
      };

  NdkCreateResult<NdkSharedEndpoint> createSharedEndpoint(
      SimAdapter adapter,
      NdkSockAddr address,
      NdkFnCreateCompletion createCompletion,
      Object requestContext);

  NdkCreateResult<NdkConnector> createConnector(
      SimAdapter adapter, NdkFnCreateCompletion createCompletion, Object requestContext);

  NdkCreateResult<NdkListener> createListener(
      SimAdapter adapter,
      NdkFnConnectEventCallback connectEvent,
      Object connectEventContext,
      NdkFnCreateCompletion createCompletion,
      Object requestContext);
}
