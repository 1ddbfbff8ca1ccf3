// Department create/update/delete against the state, with WeCom's tree rules: parent must exist (60004), depth
// ≤ 15 (81002), id and name unique among siblings (60008), no cycles (60010); delete refuses the root (60007),
// departments with members (60005) or children (60006).
import { checkDeptName, checkNewDeptId, checkOrder, MAX_DEPT_DEPTH } from './contact-rules';
import type { DeptCreateInput, DeptUpdateInput } from './contact-schemas';
import { SimError } from './errors';
import { ROOT_DEPT_ID, type SimState } from './sim-state';
import type { ContactChange, SimDepartment } from './types';

function siblingNameTaken(state: SimState, parentid: number, name: string, exceptId: number | null): boolean {
  return state.children(parentid).some((d) => d.name === name && d.id !== exceptId);
}

export function createDepartment(state: SimState, input: DeptCreateInput): { id: number; changes: ContactChange[] } {
  checkDeptName(input.name);
  const parent = state.dept(input.parentid);
  if (!parent) throw new SimError(60004);
  if (state.depth(parent.id) + 1 > MAX_DEPT_DEPTH) throw new SimError(81002);
  let id: number;
  if (input.id !== undefined) {
    checkNewDeptId(input.id);
    if (state.dept(input.id)) throw new SimError(60008, 'department id existed');
    id = input.id;
  } else {
    id = state.nextDeptId();
  }
  if (siblingNameTaken(state, parent.id, input.name, null)) throw new SimError(60008);
  const order = input.order ?? 0;
  checkOrder(order);
  const dept: SimDepartment = {
    id,
    name: input.name,
    name_en: input.name_en ?? '',
    parentid: parent.id,
    order,
    department_leader: [],
  };
  state.putDept(dept);
  return { id, changes: [{ kind: 'create_party', dept }] };
}

export function updateDepartment(state: SimState, input: DeptUpdateInput): ContactChange[] {
  const old = state.dept(input.id);
  if (!old) throw new SimError(60003);
  const next: SimDepartment = { ...old, department_leader: [...old.department_leader] };
  if (input.name !== undefined) {
    checkDeptName(input.name);
    next.name = input.name;
  }
  if (input.name_en !== undefined) next.name_en = input.name_en;
  if (input.order !== undefined) {
    checkOrder(input.order);
    next.order = input.order;
  }
  if (input.parentid !== undefined && input.parentid !== old.parentid) {
    if (old.id === ROOT_DEPT_ID) throw new SimError(60124, 'root department cannot be moved');
    const parent = state.dept(input.parentid);
    if (!parent) throw new SimError(60004);
    if (state.isWithin(parent.id, old.id)) throw new SimError(60010);
    if (state.depth(parent.id) + state.subtreeHeight(old.id) > MAX_DEPT_DEPTH) throw new SimError(81002);
    next.parentid = parent.id;
  }
  if (next.id !== ROOT_DEPT_ID && siblingNameTaken(state, next.parentid, next.name, next.id)) throw new SimError(60008);
  state.putDept(next);
  return [{ kind: 'update_party', dept: next, parentChanged: next.parentid !== old.parentid }];
}

export function deleteDepartment(state: SimState, id: number): ContactChange[] {
  if (id === ROOT_DEPT_ID) throw new SimError(60007);
  if (!state.dept(id)) throw new SimError(60003);
  if (state.childIds(id).length > 0) throw new SimError(60006);
  if (state.memberCount(id) > 0) throw new SimError(60005);
  state.removeDept(id);
  return [{ kind: 'delete_party', id }];
}
