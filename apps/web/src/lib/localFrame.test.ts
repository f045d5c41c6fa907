import { describe, expect, it } from 'vitest';
import { geoToLonLat, graticule, makeLocalFrame, niceStep, toLonLat } from './localFrame';
import type { ModelGeo } from '../api/types';

describe('local frame', () => {
  it('centres the bounds on (0,0) at one metre per unit', () => {
    const frame = makeLocalFrame([1000, 2000, 3000, 3000]);
    expect(frame.cx).toBe(2000);
    expect(frame.cy).toBe(2500);
    expect(frame.degPerUnit).toBeCloseTo(1 / 111_320, 12);
    const [lon, lat] = toLonLat(frame, [3000, 3000]);
    expect(lon).toBeCloseTo(1000 / 111_320, 12); // ≈ 0.008983°
    expect(lat).toBeCloseTo(500 / 111_320, 12);
  });

  it('shrinks a continental extent to at most 5 degrees', () => {
    const frame = makeLocalFrame([0, 0, 5_000_000, 100]);
    expect(frame.degPerUnit).toBeCloseTo(5 / 5_000_000, 15);
    expect(toLonLat(frame, [5_000_000, 50])[0]).toBeCloseTo(2.5, 9);
  });

  it('stretches a sub-metre extent to about 11 m', () => {
    const frame = makeLocalFrame([0, 0, 0.01, 0.01]);
    expect(frame.degPerUnit).toBeCloseTo(1e-4 / 0.01, 12);
  });

  it('transforms every coordinate of every layer and keeps properties', () => {
    const geo: ModelGeo = {
      crs: 'local',
      bounds: [0, 0, 200, 100],
      subcatchments: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [200, 0], [200, 100], [0, 0]]] }, properties: { name: 'S1' } }] },
      nodes: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [100, 50] }, properties: { name: 'J1', kind: 'junction' } }] },
      links: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [200, 100]] }, properties: { name: 'C1', kind: 'conduit' } }] },
    };
    const out = geoToLonLat(geo);
    expect(out.crs).toBe('wgs84');
    expect(out.nodes.features[0]!.geometry.coordinates).toEqual([0, 0]);
    expect(out.nodes.features[0]!.properties.kind).toBe('junction');
    const ring = out.subcatchments.features[0]!.geometry.coordinates[0]!;
    expect(ring[2]![0]).toBeCloseTo(100 / 111_320, 12);
    expect(ring[2]![1]).toBeCloseTo(50 / 111_320, 12);
    expect(out.links.features[0]!.geometry.coordinates[0]![0]).toBeCloseTo(-100 / 111_320, 12);
    expect(out.bounds[0]).toBeCloseTo(-100 / 111_320, 12);
    // input untouched
    expect(geo.nodes.features[0]!.geometry.coordinates).toEqual([100, 50]);
  });

  it('passes geographic models through', () => {
    const geo: ModelGeo = {
      crs: 'wgs84', bounds: [116.3, 39.9, 116.4, 40],
      subcatchments: { type: 'FeatureCollection', features: [] },
      nodes: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [116.35, 39.95] }, properties: { name: 'O1' } }] },
      links: { type: 'FeatureCollection', features: [] },
    };
    const out = geoToLonLat(geo);
    expect(out.frame).toBeNull();
    expect(out.nodes.features[0]!.geometry.coordinates).toEqual([116.35, 39.95]);
  });
});

describe('grid', () => {
  it('picks 1-2-5 steps', () => {
    expect(niceStep(800)).toBe(100);
    expect(niceStep(1600)).toBe(200);
    expect(niceStep(3000)).toBe(500);
    expect(niceStep(0.08)).toBeCloseTo(0.01, 12);
  });

  it('puts graticule lines on round model coordinates', () => {
    const frame = makeLocalFrame([1000, 1000, 1800, 1800]);
    const b = geoToLonLat({
      crs: 'local', bounds: [1000, 1000, 1800, 1800],
      subcatchments: { type: 'FeatureCollection', features: [] },
      nodes: { type: 'FeatureCollection', features: [] },
      links: { type: 'FeatureCollection', features: [] },
    }).bounds;
    const g = graticule(b, frame);
    const xs = g.features.filter((f) => f.properties.name.startsWith('x')).map((f) => f.geometry.coordinates[0]![0] / frame.degPerUnit + frame.cx);
    expect(xs.length).toBeGreaterThan(8);
    for (const x of xs) expect(Math.abs(x / 100 - Math.round(x / 100))).toBeLessThan(1e-6);
  });
});
